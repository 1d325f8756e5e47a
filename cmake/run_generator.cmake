# Runs GENERATOR with ARGUMENT and writes its output to OUTPUT, gzip -9n compressed when
# COMPRESS is set (the man page), failing the build when the generator fails.
# Usage: cmake -DGENERATOR=... -DARGUMENT=... -DOUTPUT=... [-DCOMPRESS=ON] -P run_generator.cmake
if(COMPRESS)
  set(plain "${OUTPUT}.tmp")
else()
  set(plain "${OUTPUT}")
endif()
execute_process(COMMAND "${GENERATOR}" "${ARGUMENT}" OUTPUT_FILE "${plain}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${GENERATOR} ${ARGUMENT} failed: ${status}")
endif()
if(COMPRESS)
  # -n leaves the name and time out of the header, so that the package is reproducible.
  execute_process(COMMAND gzip -9n -c "${plain}" OUTPUT_FILE "${OUTPUT}" RESULT_VARIABLE status)
  file(REMOVE "${plain}")
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "gzip failed: ${status}")
  endif()
endif()
