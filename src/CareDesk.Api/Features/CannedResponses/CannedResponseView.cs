namespace CareDesk.Api.Features.CannedResponses;

public sealed record CannedResponseView(Guid Id, string Shortcut, string Title, string Text);
