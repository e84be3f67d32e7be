// SPDX-License-Identifier: GPL-3.0-or-later
#include "OpLogWriter.h"

#include "store/OpLogRepo.h"

#include <QLoggingCategory>

namespace Crm {

Net::OpLogHook opLogWriter(std::shared_ptr<Storage::Database> db, qint64 connectionId, const QString &lane,
                           const Common::Clock *clock, const QLoggingCategory &(*category)())
{
    return [db = std::move(db), connectionId, lane, clock, category](const Net::CallRecord &r) {
        if (!db)
            return;
        Store::OpLogEntry e;
        if (connectionId > 0)
            e.connectionId = connectionId;
        e.lane = lane;
        e.jobId = r.jobId;
        e.jobIds = r.jobIds;
        e.method = QString::fromLatin1(r.method);
        e.url = r.url;
        e.status = r.status;
        e.durationMs = r.durationMs;
        e.requestHeaders = r.requestHeaders;
        e.requestBody = r.requestBody;
        e.responseBody = r.responseBody;
        e.error = r.error;
        e.keys = r.keys;
        if (auto appended = Store::OpLogRepo(db, clock).append(e); !appended)
            qCWarning(category) << "op log:" << appended.error().message;
    };
}

} // namespace Crm
