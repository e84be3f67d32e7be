# SPDX-License-Identifier: GPL-3.0-or-later
# The server operator's questions answered by crmbridgectl (jobs, log, CRM schema, hooks, audit).
crmbridge_add_test(InspectCtl LABEL integration TIMEOUT 240 LIBS Qt6::Network)
target_compile_definitions(tst_InspectCtl PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_InspectCtl crmbridgectl)
crmbridge_add_test(AuditCtl LABEL integration TIMEOUT 240 LIBS Qt6::Network)
target_compile_definitions(tst_AuditCtl PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_AuditCtl crmbridgectl)
crmbridge_add_test(Notifications LABEL integration TIMEOUT 180 LIBS Qt6::Network)
target_compile_definitions(tst_Notifications PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_Notifications crmbridgectl)
crmbridge_add_test(HistoryPage LABEL gui GUI)
