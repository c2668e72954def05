using CareDesk.Data.Entities;
using FluentValidation;

namespace CareDesk.Api.Features.Users;

public static class RoleRules
{
    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> ValidRoles<T>(this IRuleBuilderInitial<T, IReadOnlyList<string>?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Must(roles => roles!.All(Roles.All.Contains))
            .WithMessage($"roles must be some of: {string.Join(", ", Roles.All)}.");
}
