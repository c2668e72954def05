#!/usr/bin/env bash
# Runs every CareDesk test suite and ends with one line: "tests: N passed, N failed".
# Needs the .NET 10 SDK, Node.js 20+, and Debian's chromium and redis-server (see README).
set -uo pipefail
cd "$(dirname "$0")"
mkdir -p artifacts
passed=0
failed=0
status=0

count_dotnet() { # sums xunit's "Failed: a, Passed: b" summary lines of one dotnet test run
  local log=$1 p f
  p=$(grep -oE 'Passed: +[0-9]+' "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
  f=$(grep -oE 'Failed: +[0-9]+' "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
}

step() { echo; echo "== $*"; }

step "Restore and build (the API build also builds the client into its wwwroot)"
dotnet tool restore >/dev/null || status=1
dotnet build CareDesk.sln -c Release -nologo -clp:ErrorsOnly || { echo "build failed"; echo "tests: $passed passed, 1 failed"; exit 1; }

step "Migrations: no pending model changes on either provider; SQL Server script generated"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
sqlserver_cs="--ConnectionStrings:CareDesk=Server=localhost;Database=CareDesk;User Id=sa;Password=unused;TrustServerCertificate=true"
for provider in Sqlite SqlServer; do
  if dotnet ef migrations has-pending-model-changes --no-build --configuration Release \
      --project "src/CareDesk.Migrations.$provider" --startup-project src/CareDesk.Api \
      -- --Database:Provider=$provider "$sqlserver_cs" >artifacts/migrations-$provider.log 2>&1; then
    passed=$((passed + 1)); echo "$provider: model and migrations agree"
  else
    failed=$((failed + 1)); status=1; echo "$provider: pending model changes"; cat artifacts/migrations-$provider.log
  fi
done
if dotnet ef migrations script --idempotent --no-build --configuration Release -o artifacts/sqlserver-migrations.sql \
    --project src/CareDesk.Migrations.SqlServer --startup-project src/CareDesk.Api \
    -- --Database:Provider=SqlServer "$sqlserver_cs" >artifacts/migrations-script.log 2>&1; then
  passed=$((passed + 1)); echo "SQL Server script: artifacts/sqlserver-migrations.sql"
else
  failed=$((failed + 1)); status=1; cat artifacts/migrations-script.log
fi

step "Client unit tests (Vitest)"
if (cd client && npx vitest run --reporter=default --reporter=json --outputFile=../artifacts/vitest.json) ; then :; else status=1; fi
if [ -f artifacts/vitest.json ]; then
  passed=$((passed + $(grep -oE '"numPassedTests":[0-9]+' artifacts/vitest.json | grep -oE '[0-9]+$')))
  failed=$((failed + $(grep -oE '"numFailedTests":[0-9]+' artifacts/vitest.json | grep -oE '[0-9]+$')))
else
  failed=$((failed + 1))
fi

step "The journey against \`dotnet run\`"
smoke_data=$(mktemp -d)
setsid dotnet run --project src/CareDesk.Api -c Release --no-build -- --urls http://127.0.0.1:5097 \
  "--CareDesk:DataFolder=$smoke_data" --Demo:MentionsPerMinute=0 >artifacts/smoke-desk.log 2>&1 &
desk_pid=$!
for _ in $(seq 1 120); do curl -fs http://127.0.0.1:5097/health/ready >/dev/null 2>&1 && break; sleep 0.5; done
if node tests/smoke/journey.mjs http://127.0.0.1:5097; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
# dotnet run starts the desk as its child: stop the whole process group.
kill -- -"$desk_pid" 2>/dev/null; wait "$desk_pid" 2>/dev/null
rm -rf "$smoke_data"

for project in CareDesk.Analysis.Tests CareDesk.Api.Tests CareDesk.Browser.Tests; do
  step "$project"
  dotnet test "tests/$project" -c Release --no-build -nologo 2>&1 | tee "artifacts/$project.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  count_dotnet "artifacts/$project.log"
done

echo
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && exit $status
exit 1
