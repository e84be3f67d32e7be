// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <memory>

namespace Ctl {

/** Opens the store named by --database (or the default SQLite file) and migrates it. */
Common::Result<std::shared_ptr<Storage::Database>> openStore(const QString &databaseUrl, bool migrate = true);

/** `migrate`: bring the store's schema up to date. */
Command migrateCommand();
/** `status [--json]`: job counts by state, and every engine's lanes. */
Command statusCommand();
/** `resend --job ID | --failed [--group FINGERPRINT]`: failed jobs back to the queue. */
Command resendCommand();

} // namespace Ctl
