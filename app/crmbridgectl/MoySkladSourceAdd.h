// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Ctl {

/** `source add moysklad NAME --token-stdin [--url API_URL] [--from-start] [--no-check]`: the token is
 *  read from stdin and kept in the secret store, never in the store's configuration. */
int sourceAddMoySklad(const QStringList &args, const QString &databaseUrl);

} // namespace Ctl
