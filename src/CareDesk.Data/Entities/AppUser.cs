using Microsoft.AspNetCore.Identity;

namespace CareDesk.Data.Entities;

public class AppUser : IdentityUser
{
    public string Name { get; set; } = "";

    /// <summary>How many open conversations auto-assignment may give this agent at once.</summary>
    public int Capacity { get; set; } = 10;
}
