# The CareDesk API with the built client in its wwwroot.
FROM node:20-bookworm AS client
WORKDIR /src/client
COPY client/package.json client/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY client/ ./
RUN npm run build -- --outDir /out/wwwroot

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props CareDesk.sln ./
COPY src/ src/
RUN dotnet publish src/CareDesk.Api -c Release -o /out/app -p:SkipClientBuild=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /out/app ./
COPY --from=client /out/wwwroot ./wwwroot
ENV ASPNETCORE_URLS=http://+:8080 \
    CareDesk__DataFolder=/data
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "CareDesk.Api.dll"]
