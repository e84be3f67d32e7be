// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "net/HttpTypes.h"
#include "storage/Database.h"

#include <QLoggingCategory>
#include <QString>
#include <memory>

namespace Crm {

/**
 * The HTTP client's op-log hook every connector installs: each call (already redacted by the client)
 * becomes one op_log row of the connection and lane. A failed write is logged under category and never
 * fails the call. A null store logs nothing (connectors made for a one-off check).
 */
Net::OpLogHook opLogWriter(std::shared_ptr<Storage::Database> db, qint64 connectionId, const QString &lane,
                           const Common::Clock *clock, const QLoggingCategory &(*category)());

} // namespace Crm
