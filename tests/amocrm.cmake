# SPDX-License-Identifier: GPL-3.0-or-later
# The amoCRM connector and core/net, against the sandbox over loopback.
crmbridge_add_test(RateLimiter LABEL unit)
crmbridge_add_test(AmoCodecShapes LABEL unit)
foreach(name AmoOAuth AmoCrmConnector AmoCompanies AmoTokenHealth AmoLane)
    crmbridge_add_test(${name} LABEL integration TIMEOUT 180
        SOURCES tst_${name}.cpp fixtures/amocrm/AmoTestKit.h LIBS crmbridge_sandbox Qt6::Network)
endforeach()
crmbridge_add_test(AmoCtl LABEL integration TIMEOUT 180 LIBS crmbridge_sandbox Qt6::Network)
target_compile_definitions(tst_AmoCtl PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_AmoCtl crmbridgectl)
