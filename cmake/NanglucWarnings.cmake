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
    if(NANGLUC_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()
