@echo off
rem shale: the Shale command line (schema-as-code for Java and PostgreSQL). Usage: shale --help
rem Needs a JDK 17 or later: %JAVA_HOME%\bin\java.exe, else java on the PATH. Runs from any directory.
rem The first `generate` or `check` records a class-data-sharing archive in %LOCALAPPDATA%\shale that later
rem runs start from; SHALE_CDS=0 turns it off, SHALE_JAVA_OPTS adds JVM options.
setlocal
set "SHALE_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
set "JVM=-Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m -Xmn24m -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off %SHALE_JAVA_OPTS%"
set "CP=%SHALE_HOME%\lib\*"
set "ARCHIVE="
if "%SHALE_CDS%"=="0" goto plain
if not defined LOCALAPPDATA goto plain
for %%J in ("%SHALE_HOME%\lib\generator-cli-*.jar") do set "ARCHIVE=%LOCALAPPDATA%\shale\%%~nJ.jsa"
if not defined ARCHIVE goto plain
if exist "%ARCHIVE%" goto mapped
if /i "%~1"=="generate" goto record
if /i "%~1"=="check" goto record
goto plain

:mapped
"%JAVA%" %JVM% "-XX:SharedArchiveFile=%ARCHIVE%" -cp "%CP%" dev.shale.cli.Main %*
exit /b %ERRORLEVEL%

:record
if not exist "%LOCALAPPDATA%\shale" mkdir "%LOCALAPPDATA%\shale" 2>nul
"%JAVA%" %JVM% "-XX:ArchiveClassesAtExit=%ARCHIVE%" -cp "%CP%" dev.shale.cli.Main %*
exit /b %ERRORLEVEL%

:plain
"%JAVA%" %JVM% -cp "%CP%" dev.shale.cli.Main %*
exit /b %ERRORLEVEL%
