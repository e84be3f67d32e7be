# SPDX-License-Identifier: GPL-3.0-or-later
# core/secrets: the keychain backend inside a throwaway D-Bus session and gnome-keyring, the same
# backend with no secret service at all, and the key-file backend on SQLite and PostgreSQL.
crmbridge_add_test(KeychainSecretStore LABEL integration KEYRING)
crmbridge_add_test(KeychainUnavailable LABEL integration)
crmbridge_add_test(SodiumSecretStore LABEL integration)
crmbridge_add_test(MemorySecretStore LABEL unit)
# crmbridgectl keygen run as a process; its key then keeps secrets as --secret-key-file and as the
# systemd credential.
crmbridge_add_test(KeygenCtl LABEL integration)
target_compile_definitions(tst_KeygenCtl PRIVATE CRMBRIDGECTL_PATH="$<TARGET_FILE:crmbridgectl>")
add_dependencies(tst_KeygenCtl crmbridgectl)
