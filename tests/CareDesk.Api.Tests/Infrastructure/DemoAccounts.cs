namespace CareDesk.Api.Tests.Infrastructure;

public static class DemoAccounts
{
    public const string Agent = "agent@demo.caredesk";
    public const string Agent2 = "agent2@demo.caredesk";
    public const string Supervisor = "supervisor@demo.caredesk";
    public const string Sales = "sales@demo.caredesk";
    public const string Admin = "admin@demo.caredesk";
}
