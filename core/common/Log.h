// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace Common::Log {

/**
 * Installs a message handler that writes one line per message to stderr with a syslog priority
 * prefix ("<3>" for critical/warning errors …), which journald understands when run as a service.
 */
void installJournalFriendlyHandler();

} // namespace Common::Log
