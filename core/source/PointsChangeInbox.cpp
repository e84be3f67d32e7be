// SPDX-License-Identifier: GPL-3.0-or-later
#include "PointsChangeInbox.h"

namespace Source {

Store::NewJob PointsChangeInbox::toJob(qint64 connectionId, const QString &crm, const QString &accountId,
                                       Model::PointsChange change, const QDateTime &receivedAt)
{
    if (!change.at.isValid())
        change.at = receivedAt;
    Store::NewJob job;
    job.kind = jobKind();
    job.connectionId = connectionId;
    job.source = crm;
    job.sourceRef = change.customerId;
    job.idempotencyKey = QStringLiteral("crm:%1:%2:customer:%3:points:%4:at:%5")
                             .arg(crm, accountId, change.customerId, change.points)
                             .arg(change.at.toSecsSinceEpoch());
    if (change.eventId.isEmpty())
        change.eventId = job.idempotencyKey;
    job.payload = change.toJson();
    job.reference = change.customerId;
    return job;
}

Common::Result<int> PointsChangeInbox::append(Store::JobRepo &jobs, qint64 connectionId, const QString &crm,
                                              const QString &accountId,
                                              const QList<Model::PointsChange> &changes,
                                              const QDateTime &receivedAt)
{
    QList<Store::NewJob> made;
    for (const Model::PointsChange &change : changes)
        made << toJob(connectionId, crm, accountId, change, receivedAt);
    return jobs.addAll(made);
}

} // namespace Source
