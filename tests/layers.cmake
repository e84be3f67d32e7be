# SPDX-License-Identifier: GPL-3.0-or-later
# The layers of core/ are enforced by the build (core/CMakeLists.txt: each layer compiles against a
# view of core/ that holds only itself and the layers beneath it). These tests compile one include
# with a layer's view, as that layer's own sources are compiled: the wrong-way includes the issue
# named must fail for the reason that matters (the folder is not there), and a right-way include
# must compile, so a probe cannot pass because of an unrelated compile error.

# crmbridge_layer_probe(NAME LAYER include [REFUSED])
function(crmbridge_layer_probe name layer header)
    cmake_parse_arguments(PARSE_ARGV 3 PROBE "REFUSED" "" "")
    set(file ${CMAKE_CURRENT_BINARY_DIR}/layer-probes/${name}.cpp)
    file(WRITE ${file} "#include \"${header}\"\n")
    set(qtIncludes "$<TARGET_PROPERTY:Qt6::Core,INTERFACE_INCLUDE_DIRECTORIES>")
    add_test(NAME LayerProbe${name}
             COMMAND ${CMAKE_CXX_COMPILER} -std=c++20 -fPIC -fsyntax-only
                     -I${PROJECT_BINARY_DIR}/core/layer-views/${layer} "-I$<JOIN:${qtIncludes},;-I>" ${file}
             COMMAND_EXPAND_LISTS)
    set_tests_properties(LayerProbe${name} PROPERTIES LABELS unit)
    if(PROBE_REFUSED)
        set_tests_properties(LayerProbe${name} PROPERTIES
            PASS_REGULAR_EXPRESSION "${header}: No such file or directory")
    endif()
endfunction()

crmbridge_layer_probe(StoreMayNotSeeTheMapping store mapping/Problem.h REFUSED)
crmbridge_layer_probe(CrmMayNotSeeSources crm source/ShopSource.h REFUSED)
crmbridge_layer_probe(SourceMayNotSeeCrms source crm/DealDraft.h REFUSED)
crmbridge_layer_probe(EngineMayNotBeSeenByCrms crm engine/HistoricLoad.h REFUSED)
crmbridge_layer_probe(SourceSeesTheStoreAndModel source store/Job.h)
crmbridge_layer_probe(MappingSeesTheCrmSchema mapping crm/DealDraft.h)
