# SPDX-License-Identifier: GPL-3.0-or-later
# Shop sources: the miniShop2 reader/writer on a throwaway MariaDB and on SQLite, the demo shop
# generator, the form intake endpoint, file import, and the crmbridgectl source commands.
crmbridge_add_test(IdWatermark LABEL unit)
crmbridge_add_test(MiniShop2Source LABEL integration)
crmbridge_add_test(BitrixSource LABEL integration)
crmbridge_add_test(DemoShopGenerator LABEL integration)
crmbridge_add_test(FormIntake LABEL integration)
crmbridge_add_test(FileImport LABEL integration)
crmbridge_add_test(SourceCtl LABEL integration)
target_compile_definitions(tst_SourceCtl PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_SourceCtl crmbridgectl)
crmbridge_add_test(SourceRepo LABEL integration)
