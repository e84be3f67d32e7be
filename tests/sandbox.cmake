# SPDX-License-Identifier: GPL-3.0-or-later
# Conformance suite of the CRM sandboxes (tests/sandbox). Each class drives a sandbox over loopback HTTP.

foreach(name AmoSandboxOAuth AmoSandboxApi AmoSandboxLimits AmoSandboxWebhooks AmoSandboxCli)
    crmbridge_add_test(${name} LABEL integration TIMEOUT 120
        SOURCES tst_${name}.cpp sandbox/tests/SandboxTestClient.h LIBS crmbridge_sandbox Qt6::Network)
endforeach()

# The CLI test starts the real executable.
target_compile_definitions(tst_AmoSandboxCli PRIVATE CRM_SANDBOX_EXE="$<TARGET_FILE:crm-sandbox>")
add_dependencies(tst_AmoSandboxCli crm-sandbox)
