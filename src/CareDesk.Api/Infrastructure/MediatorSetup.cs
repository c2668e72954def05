using System.Reflection;
using FluentValidation;
using MediatR;

namespace CareDesk.Api.Infrastructure;

/// <summary>
/// MediatR 5.1.0 has no DI extension: register the mediator, every handler and validator of this
/// assembly, and the pipeline behaviours (outermost first).
/// </summary>
public static class MediatorSetup
{
    private static readonly Type[] HandlerInterfaces = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>), typeof(IValidator<>)];

    public static IServiceCollection AddCareDeskMediator(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetRequiredService);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));

        var types = Assembly.GetExecutingAssembly().GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false });
        foreach (var type in types)
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition())))
                services.AddScoped(contract, type);
        }
        return services;
    }
}
