# SPDX-License-Identifier: GPL-3.0-or-later
# HTTP/1.1 framing (issues 16 and 17): the shared request reader (core/net/http), the form intake over
# real sockets against hostile clients, the sandboxes' server with raw and Qt clients.
crmbridge_add_test(HttpRequestReader LABEL unit LIBS crmbridge_http)
crmbridge_add_test(IntakeHostile LABEL integration TIMEOUT 300)
target_compile_definitions(tst_IntakeHostile PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_IntakeHostile crmbridgectl)
crmbridge_add_test(SandboxHttpFraming LABEL integration TIMEOUT 120
    SOURCES tst_SandboxHttpFraming.cpp sandbox/tests/SandboxTestClient.h LIBS crmbridge_sandbox Qt6::Network)
