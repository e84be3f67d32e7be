// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace Ctl {

/** `audit [--action PREFIX] [--subject NAME] [--since DAYS] [--limit N] [--json]`: who did what, when. */
Command auditCommand();

/** Whether `mapping ACTION` is one of history, diff, rollback (handled by runMappingHistory). */
bool isMappingHistoryAction(const QString &action);
/** `mapping history CONNECTION`, `mapping diff CONNECTION [FROM] TO`, `mapping rollback CONNECTION VERSION`.
 */
int runMappingHistory(const QStringList &positional, const QString &databaseUrl);

} // namespace Ctl
