// SPDX-License-Identifier: GPL-3.0-or-later
#include "StageChangeInbox.h"

namespace Source {

Store::NewJob StageChangeInbox::toJob(qint64 connectionId, const QString &crm, const QString &accountId,
                                      Model::StatusChange change, const QDateTime &receivedAt)
{
    change.origin = Model::StatusChange::Origin::Crm;
    if (!change.at.isValid())
        change.at = receivedAt;
    Store::NewJob job;
    job.kind = jobKind();
    job.connectionId = connectionId;
    job.source = crm;
    job.sourceRef = change.orderId;
    job.idempotencyKey = QStringLiteral("crm:%1:%2:deal:%3:stage:%4:%5:at:%6")
                             .arg(crm, accountId, change.orderId, change.pipelineId, change.toStatus)
                             .arg(change.at.toSecsSinceEpoch());
    if (change.eventId.isEmpty())
        change.eventId = job.idempotencyKey;
    job.payload = change.toJson();
    job.reference = change.orderId;
    return job;
}

Common::Result<int> StageChangeInbox::append(Store::JobRepo &jobs, qint64 connectionId, const QString &crm,
                                             const QString &accountId,
                                             const QList<Model::StatusChange> &changes,
                                             const QDateTime &receivedAt)
{
    QList<Store::NewJob> made;
    for (const Model::StatusChange &change : changes)
        made << toJob(connectionId, crm, accountId, change, receivedAt);
    return jobs.addAll(made);
}

} // namespace Source
