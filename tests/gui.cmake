# SPDX-License-Identifier: GPL-3.0-or-later
# The operator's console on the offscreen platform.
crmbridge_add_test(MainWindow LABEL gui GUI)
