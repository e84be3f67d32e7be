// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Ctl {

/** `source load NAME [--from-id ID] [--to-id ID] [--since DATE] [--until DATE] [--dry-run] [--restart]`
 *  and `source load NAME --progress [--json]`: the historic load (Engine::HistoricLoad). */
int sourceLoad(const QStringList &args, const QString &databaseUrl);

} // namespace Ctl
