# SPDX-License-Identifier: GPL-3.0-or-later
# The store: database URLs, migrations and every repository, on SQLite and PostgreSQL.
crmbridge_add_test(DatabaseUrl LABEL unit)
crmbridge_add_test(Migrator LABEL integration)
crmbridge_add_test(JobRepo LABEL integration)
crmbridge_add_test(OpLogRepo LABEL integration)
crmbridge_add_test(EntityLinkRepo LABEL integration)
crmbridge_add_test(SettingsRepo LABEL integration)
crmbridge_add_test(ConnectionRepo LABEL integration)
crmbridge_add_test(WatermarkRepo LABEL integration)
crmbridge_add_test(SecretGuard LABEL unit)
crmbridge_add_test(Ctl LABEL integration)
target_compile_definitions(tst_Ctl PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_Ctl crmbridgectl)
