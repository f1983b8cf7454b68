# Warnings are set per target, never globally, so a parent project's flags stay its own.
function(nangluc_set_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4)
    if(NANGLUC_WERROR)
      target_compile_options(${target} PRIVATE /WX)
    endif()
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
      -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
      -Wconversion -Wsign-conversion -Wnull-dereference -Wimplicit-fallthrough)
    # GCC 12 warns falsely on `"literal" + std::string` at -O2 and above (GCC bug 105651,
    # fixed in 13): the warning is switched off for that compiler only.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
      target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
    if(NANGLUC_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()
