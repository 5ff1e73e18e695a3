# Bundles the web front end (web/) into OUT with esbuild. Installs the npm
# packages first (npm ci) when node_modules is missing or older than the lock file.
# Usage: cmake -DWEB_DIR=web -DOUT=build/web-dist -DNPM=npm -DNODE=node -P build_web.cmake
set(stamp ${WEB_DIR}/node_modules/.package-lock.json)
if(NOT EXISTS ${stamp} OR ${WEB_DIR}/package-lock.json IS_NEWER_THAN ${stamp})
  message(STATUS "web: npm ci")
  execute_process(COMMAND ${NPM} ci --no-audit --no-fund --loglevel=error
                  WORKING_DIRECTORY ${WEB_DIR} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "web: npm ci failed (is the npm registry reachable? run scripts/install-deps)")
  endif()
endif()
execute_process(COMMAND ${NODE} ${WEB_DIR}/build.mjs ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "web: the esbuild bundle failed")
endif()
