// SPDX-License-Identifier: GPL-3.0-or-later
#include "CrmRecordLink.h"

#include "common/CrmTerms.h"
#include "store/EntityLinkRepo.h"

namespace Gui {

std::optional<CrmRecordLink> CrmRecordLink::of(const std::shared_ptr<Storage::Database> &db,
                                               const Store::Job &job)
{
    if (!job.connectionId || job.sourceRef.isEmpty())
        return std::nullopt;
    // "order.created" / "order.changed" → the order's deal; "form.submitted" → the form's deal.
    const QString sourceKind = job.kind.section(QLatin1Char('.'), 0, 0);
    if (sourceKind != QLatin1String("order") && sourceKind != QLatin1String("form"))
        return std::nullopt;
    auto crmId = Store::EntityLinkRepo(db).crmIdFor(
        *job.connectionId, sourceKind, Store::EntityLinkRepo::scopedSourceId(job.source, job.sourceRef),
        QStringLiteral("lead"));
    if (!crmId || !crmId->has_value())
        return std::nullopt;
    auto connection = Store::ConnectionRepo(db).byId(*job.connectionId);
    if (!connection)
        return std::nullopt;
    const CrmTerms terms = CrmTerms::of(connection->crm);
    return CrmRecordLink { terms.crmName, terms.record, **crmId, webUrl(connection.value(), **crmId) };
}

QUrl CrmRecordLink::webUrl(const Store::Connection &connection, const QString &crmId)
{
    const QString base = QUrl(connection.baseUrl).toString(QUrl::StripTrailingSlash);
    if (base.isEmpty() || crmId.isEmpty())
        return {};
    if (connection.crm == QLatin1String("retailcrm"))
        return QUrl(base + QStringLiteral("/orders/%1/edit").arg(crmId));
    return QUrl(base + QStringLiteral("/leads/detail/%1").arg(crmId));
}

} // namespace Gui
