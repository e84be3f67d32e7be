# SPDX-License-Identifier: GPL-3.0-or-later
# Conformance suite of the CRM sandboxes (tests/sandbox). Each class drives a sandbox over loopback HTTP.

foreach(name AmoSandboxOAuth AmoSandboxApi AmoSandboxFieldValues AmoSandboxUnsorted AmoSandboxLimits AmoSandboxWebhooks AmoSandboxCli AmoSandboxCatalog AmoSandboxCustomers)
    crmbridge_add_test(${name} LABEL integration TIMEOUT 120
        SOURCES tst_${name}.cpp sandbox/tests/SandboxTestClient.h LIBS crmbridge_sandbox Qt6::Network)
endforeach()

# The CLI test starts the real executable.
target_compile_definitions(tst_AmoSandboxCli PRIVATE CRM_SANDBOX_EXE="$<TARGET_FILE:crm-sandbox>")
add_dependencies(tst_AmoSandboxCli crm-sandbox)

# The RetailCRM sandbox's conformance suite.
foreach(name RetailSandboxApi RetailSandboxHistory RetailSandboxLimits RetailSandboxCli RetailSandboxFields)
    crmbridge_add_test(${name} LABEL integration TIMEOUT 120
        SOURCES tst_${name}.cpp sandbox/tests/SandboxTestClient.h sandbox/tests/RetailTestClient.h
        LIBS crmbridge_sandbox Qt6::Network)
endforeach()
target_compile_definitions(tst_RetailSandboxCli PRIVATE CRM_SANDBOX_EXE="$<TARGET_FILE:crm-sandbox>")
add_dependencies(tst_RetailSandboxCli crm-sandbox)

# The MoySklad sandbox's conformance suite.
foreach(name MoySkladSandboxApi MoySkladSandboxLimits MoySkladSandboxWebhooks MoySkladSandboxCli)
    crmbridge_add_test(${name} LABEL integration TIMEOUT 120
        SOURCES tst_${name}.cpp sandbox/tests/SandboxTestClient.h sandbox/tests/MoySkladTestClient.h
        LIBS crmbridge_sandbox Qt6::Network)
endforeach()
target_compile_definitions(tst_MoySkladSandboxCli PRIVATE CRM_SANDBOX_EXE="$<TARGET_FILE:crm-sandbox>")
add_dependencies(tst_MoySkladSandboxCli crm-sandbox)
