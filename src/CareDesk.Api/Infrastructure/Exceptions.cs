namespace CareDesk.Api.Infrastructure;

public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

public sealed class ForbiddenException(string reason) : Exception(reason);

/// <summary>The request is valid but loses against the current state (a claim race, a stale version).</summary>
public sealed class ConflictException(string reason) : Exception(reason);
