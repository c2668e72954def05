using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace CareDesk.Api.Infrastructure;

public static class AuthSetup
{
    public const string HubPath = "/hubs";

    public static IServiceCollection AddCareDeskAuth(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection(AuthOptions.Section))
            .Validate(o => o.SigningKey.Length == 0 || o.SigningKey.Length >= 32, "Auth:SigningKey must be at least 32 characters.")
            .ValidateOnStart();

        var signingKey = new SymmetricSecurityKey(SigningKeyBytes(configuration, dataFolder));
        services.AddSingleton(signingKey);
        services.AddSingleton<TokenIssuer>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenIssuer.Issuer,
                    ValidAudience = TokenIssuer.Audience,
                    IssuerSigningKey = signingKey,
                    NameClaimType = "name",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                options.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSocket requests, so SignalR sends the token in the query string.
                    OnMessageReceived = context =>
                    {
                        if (context.Request.Path.StartsWithSegments(HubPath) && context.Request.Query["access_token"] is { Count: > 0 } token)
                            context.Token = token;
                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorization(Policies.Add);
        return services;
    }

    private static byte[] SigningKeyBytes(IConfiguration configuration, string dataFolder)
    {
        var configured = configuration[$"{AuthOptions.Section}:{nameof(AuthOptions.SigningKey)}"];
        if (!string.IsNullOrEmpty(configured))
            return Encoding.UTF8.GetBytes(configured);

        var file = Path.Combine(dataFolder, "signing-key");
        if (!File.Exists(file))
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
        return Convert.FromBase64String(File.ReadAllText(file).Trim());
    }
}
