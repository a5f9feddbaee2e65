@echo off
rem Latent Explorer from this checkout, on Windows (the twin of the shell launcher `latent-explorer`).
rem Without arguments it opens the window on the shipped MNIST model; with a sub-command it runs headless.
rem Needs a JDK 25 (JAVA_HOME, else java on PATH) and Maven (mvn on PATH). Builds itself when needed.
setlocal EnableExtensions
set "HERE=%~dp0"
set "HERE=%HERE:~0,-1%"
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
"%JAVA%" -XshowSettings:properties -version 2>&1 | findstr /r /c:"java.specification.version = 25" >nul
if errorlevel 1 (
  echo Latent Explorer needs a JDK 25; set JAVA_HOME to one 1>&2
  exit /b 1
)
if not defined OMP_NUM_THREADS set "OMP_NUM_THREADS=1"
set "LIB=%HERE%\target\lib"
set "STAMP=%HERE%\target\.built-windows"
rem Rebuild when the libraries are missing or any source, asset or the pom is newer than the last build.
set "REBUILD="
if not exist "%STAMP%" set "REBUILD=1"
if not defined REBUILD (
  powershell -NoProfile -Command "$s=(Get-Item '%STAMP%').LastWriteTime; if (Get-ChildItem -Recurse -File '%HERE%\src\main','%HERE%\assets','%HERE%\pom.xml' | Where-Object { $_.LastWriteTime -gt $s } | Select-Object -First 1) { exit 1 }"
  if errorlevel 1 set "REBUILD=1"
)
if defined REBUILD (
  echo building Latent Explorer ^(first run downloads its libraries from Maven Central^)... 1>&2
  rem The runtime libraries are copied into target\lib: a class path of some 70 jar paths is longer than
  rem cmd.exe lets a variable hold, and java expands lib\* itself.
  if exist "%LIB%" rmdir /s /q "%LIB%"
  call mvn -q -B -f "%HERE%\pom.xml" -DskipTests compile dependency:copy-dependencies -DincludeScope=runtime "-DoutputDirectory=%LIB%" 1>&2
  if errorlevel 1 exit /b 1
  type nul > "%STAMP%"
)
"%JAVA%" --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow "-Dlatentexplorer.home=%HERE%" %LATENT_EXPLORER_JAVA_OPTS% -cp "%HERE%\target\classes;%LIB%\*" org.latentexplorer.Main %*
exit /b %ERRORLEVEL%
