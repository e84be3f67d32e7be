// SPDX-License-Identifier: GPL-3.0-or-later
#include "EntityLinkRepo.h"

#include "storage/Sql.h"
#include "storage/Transaction.h"

namespace Store {

using Common::Error;
using Common::Result;
namespace Sql = Storage::Sql;

EntityLinkRepo::EntityLinkRepo(std::shared_ptr<Storage::Database> db, const Common::Clock *clock)
    : m_db(std::move(db))
    , m_clock(clock)
{ }

Common::Status EntityLinkRepo::link(const EntityLink &link)
{
    Storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    auto existingCrm = crmIdFor(link.connectionId, link.sourceKind, link.sourceId, link.crmKind);
    if (!existingCrm)
        return existingCrm.error();
    if (existingCrm->has_value()) {
        if (**existingCrm == link.crmId)
            return tx.commit();
        return Error::permanent(
            QStringLiteral("%1 %2 is already linked to %3 %4, not %5")
                .arg(link.sourceKind, link.sourceId, link.crmKind, **existingCrm, link.crmId),
            QStringLiteral("link-conflict"));
    }
    auto existingSource = sourceIdFor(link.connectionId, link.crmKind, link.crmId, link.sourceKind);
    if (!existingSource)
        return existingSource.error();
    if (existingSource->has_value()) {
        return Error::permanent(QStringLiteral("%1 %2 is already linked to %3 %4")
                                    .arg(link.crmKind, link.crmId, link.sourceKind, **existingSource),
                                QStringLiteral("link-conflict"));
    }
    auto inserted = Sql::exec(
        *m_db,
        QStringLiteral(
            "INSERT INTO entity_links (connection_id, source_kind, source_id, crm_kind, crm_id, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)"),
        { link.connectionId, link.sourceKind, link.sourceId, link.crmKind, link.crmId, m_clock->nowMs() });
    if (!inserted) {
        Error error = inserted.error();
        if (error.code == QLatin1String("constraint"))
            error.code = QStringLiteral("link-conflict");
        return error;
    }
    return tx.commit();
}

Result<qint64> EntityLinkRepo::highestCrmId(qint64 connectionId, const QString &crmKind)
{
    // Ids are stored as text: the longest, then the greatest, is the highest number (no dialect's CAST).
    auto value = Sql::scalar(
        *m_db,
        QStringLiteral("SELECT crm_id FROM entity_links WHERE connection_id = ? AND crm_kind = ?"
                       " ORDER BY LENGTH(crm_id) DESC, crm_id DESC LIMIT 1"),
        { connectionId, crmKind });
    if (!value)
        return value.error();
    return value->isValid() ? value->toString().toLongLong() : 0;
}

Result<std::optional<QString>> EntityLinkRepo::crmIdFor(qint64 connectionId, const QString &sourceKind,
                                                        const QString &sourceId, const QString &crmKind)
{
    auto value = Sql::scalar(
        *m_db,
        QStringLiteral(
            "SELECT crm_id FROM entity_links WHERE connection_id = ? AND source_kind = ? AND source_id = ?"
            " AND crm_kind = ?"),
        { connectionId, sourceKind, sourceId, crmKind });
    if (!value)
        return value.error();
    return value->isValid() ? std::optional<QString>(value->toString()) : std::nullopt;
}

Result<std::optional<QString>> EntityLinkRepo::sourceIdFor(qint64 connectionId, const QString &crmKind,
                                                           const QString &crmId, const QString &sourceKind)
{
    auto value = Sql::scalar(
        *m_db,
        QStringLiteral(
            "SELECT source_id FROM entity_links WHERE connection_id = ? AND crm_kind = ? AND crm_id = ?"
            " AND source_kind = ?"),
        { connectionId, crmKind, crmId, sourceKind });
    if (!value)
        return value.error();
    return value->isValid() ? std::optional<QString>(value->toString()) : std::nullopt;
}

Common::Status EntityLinkRepo::unlink(qint64 connectionId, const QString &sourceKind, const QString &sourceId,
                                      const QString &crmKind)
{
    auto removed = Sql::update(*m_db,
                               QStringLiteral("DELETE FROM entity_links WHERE connection_id = ? AND "
                                              "source_kind = ? AND source_id = ? AND crm_kind = ?"),
                               { connectionId, sourceKind, sourceId, crmKind });
    if (!removed)
        return removed.error();
    return {};
}

Result<int> EntityLinkRepo::count(qint64 connectionId, const QString &sourceKind)
{
    auto value = Sql::scalar(
        *m_db,
        QStringLiteral("SELECT COUNT(*) FROM entity_links WHERE connection_id = ? AND source_kind = ?"),
        { connectionId, sourceKind });
    if (!value)
        return value.error();
    return value->toInt();
}

QString EntityLinkRepo::scopedSourceId(const QString &source, const QString &entityId)
{
    return source.isEmpty() ? entityId : source + QLatin1Char(':') + entityId;
}

} // namespace Store
