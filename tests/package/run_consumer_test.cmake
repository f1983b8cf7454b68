# Installs nangluc from the build tree into a scratch prefix, then configures, builds and runs
# a separate project that uses it only through find_package(nangluc CONFIG REQUIRED).
file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${WORK_DIR}/prefix"
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "install failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S "${SOURCE_DIR}/tests/package/consumer" -B "${WORK_DIR}/build"
                -G "${GENERATOR}" -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix
                "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"  # the same sanitizers as the library, if any
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "configuring the consumer project failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${WORK_DIR}/build" RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building the consumer project failed")
endif()
execute_process(COMMAND "${WORK_DIR}/build/consumer" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message(STATUS "consumer printed: ${out}")
if(rc OR NOT out MATCHES "units: 2, persons: 1, parent on 2024-01-01: 12")
  message(FATAL_ERROR "the consumer program did not run as expected")
endif()
