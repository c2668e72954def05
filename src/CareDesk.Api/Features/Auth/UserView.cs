namespace CareDesk.Api.Features.Auth;

public sealed record UserView(string Id, string Name, string Email, IReadOnlyList<string> Roles);
