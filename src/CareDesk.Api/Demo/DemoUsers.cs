using CareDesk.Data.Entities;

namespace CareDesk.Api.Demo;

public static class DemoUsers
{
    public const string Password = "Demo!pass1";
    public const string EmailDomain = "@demo.caredesk";

    public static readonly (string Email, string Name, string Role)[] All =
    [
        ("agent@demo.caredesk", "Alex Agent", Roles.Agent),
        ("agent2@demo.caredesk", "Bea Agent", Roles.Agent),
        ("supervisor@demo.caredesk", "Sam Supervisor", Roles.Supervisor),
        ("sales@demo.caredesk", "Sid Sales", Roles.Sales),
        ("admin@demo.caredesk", "Ada Admin", Roles.Admin),
    ];
}
