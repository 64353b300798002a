@echo off
rem The bybit command on Windows, like ./bybit: builds cli\target\bybit.jar when it is missing or older than the
rem sources, then runs it. Usage: bybit demo, bybit OPERATION [options], bybit help
setlocal
set "BYBIT_ROOT=%~dp0"
if "%BYBIT_ROOT:~-1%"=="\" set "BYBIT_ROOT=%BYBIT_ROOT:~0,-1%"
set "BYBIT_JAR=%BYBIT_ROOT%\cli\target\bybit.jar"
set "BYBIT_LOG=%BYBIT_ROOT%\cli\target\bybit-build.log"

rem Anything under the build's inputs newer than the jar, after a pull or an edit, means a rebuild.
set "BYBIT_BUILD="
if not exist "%BYBIT_JAR%" (
  set "BYBIT_BUILD=first"
) else (
  for /f "usebackq delims=" %%c in (`powershell -NoProfile -NonInteractive -Command ^
    "$jar = (Get-Item -LiteralPath $env:BYBIT_JAR).LastWriteTimeUtc;" ^
    "$inputs = 'pom.xml','spec','generator-config','templates','sdk','testkit','cli' | ForEach-Object { Join-Path $env:BYBIT_ROOT $_ };" ^
    "$newer = Get-ChildItem -LiteralPath $inputs -Recurse -File -ErrorAction SilentlyContinue | Where-Object { $_.FullName -notmatch '\\target\\' -and $_.LastWriteTimeUtc -gt $jar } | Select-Object -First 1;" ^
    "if ($newer) { 'changed' }"`) do set "BYBIT_BUILD=%%c"
)

if defined BYBIT_BUILD call :build || exit /b 1

set "BYBIT_JAVA=java"
if defined JAVA_HOME set "BYBIT_JAVA=%JAVA_HOME%\bin\java.exe"
"%BYBIT_JAVA%" -jar "%BYBIT_JAR%" %*
exit /b %ERRORLEVEL%

:build
rem Maven's whole output goes to the log, so plugins' banners and INFO lines stay out of the console; the errors are
rem shown if the build fails.
if "%BYBIT_BUILD%"=="first" (
  echo bybit: first run: building cli\target\bybit.jar with the Maven Wrapper. This takes about 2 to 4 minutes 1>&2
  echo bybit: ^(downloading Maven and the dependencies once, generating the SDK from spec\openapi.yaml, compiling^). 1>&2
) else (
  echo bybit: sources changed since the last build; rebuilding cli\target\bybit.jar ^(usually under a minute^). 1>&2
)
if not exist "%BYBIT_ROOT%\cli\target" mkdir "%BYBIT_ROOT%\cli\target"
pushd "%BYBIT_ROOT%"
call "%BYBIT_ROOT%\mvnw.cmd" -B -pl cli -am package -Dmaven.test.skip=true > "%BYBIT_LOG%" 2>&1
set "BYBIT_STATUS=%ERRORLEVEL%"
popd
if not "%BYBIT_STATUS%"=="0" (
  findstr /b /c:"[ERROR]" "%BYBIT_LOG%" 1>&2
  echo bybit: the build failed; Maven's whole output: %BYBIT_LOG% 1>&2
  exit /b 1
)
echo bybit: built. Maven's output: cli\target\bybit-build.log 1>&2
exit /b 0
