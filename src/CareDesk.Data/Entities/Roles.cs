namespace CareDesk.Data.Entities;

public static class Roles
{
    public const string Agent = "Agent";
    public const string Supervisor = "Supervisor";
    public const string Sales = "Sales";
    public const string Admin = "Admin";

    public static readonly string[] All = [Agent, Supervisor, Sales, Admin];
}
