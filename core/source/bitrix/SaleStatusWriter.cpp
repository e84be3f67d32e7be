// SPDX-License-Identifier: GPL-3.0-or-later
#include "SaleStatusWriter.h"

#include "BitrixLog.h"
#include "SaleHistoryReader.h"

namespace Source::Bitrix {

using Common::Error;
using Common::Result;

SaleStatusWriter::SaleStatusWriter(SaleOrderReader &reader, qint64 historyUserId)
    : m_reader(reader)
    , m_db(reader.db())
    , m_historyUserId(historyUserId)
{ }

QString SaleStatusWriter::historyData(const QString &statusId, const QString &oldStatusId)
{
    // PHP serialize(): string lengths are in bytes.
    auto string = [](const QString &value) {
        return QStringLiteral("s:%1:\"%2\";").arg(value.toUtf8().size()).arg(value);
    };
    return QStringLiteral("a:2:{") + string(QStringLiteral("STATUS_ID")) + string(statusId)
        + string(QStringLiteral("OLD_STATUS_ID")) + string(oldStatusId) + QLatin1Char('}');
}

Common::Status SaleStatusWriter::write(const QString &source, Store::EchoGuardRepo &echo,
                                       const QString &orderId, const QString &statusId)
{
    bool isNumber = false;
    const qint64 id = orderId.toLongLong(&isNumber);
    if (!isNumber || id <= 0)
        return Error::invalidInput(QStringLiteral("\"%1\" is not a Bitrix order id").arg(orderId));
    // Marked before the shop write, so a crash right after it still does not echo.
    auto mark = echo.expect(source, orderId, statusId);
    if (!mark)
        return mark.error();
    auto ref = writeInShop(id, statusId);
    if (!ref) {
        if (auto discarded = echo.discard(mark.value()); !discarded)
            qCWarning(lcBitrix) << "cannot drop the echo mark" << mark.value()
                                << discarded.error().toString();
        return ref.error();
    }
    if (auto attached = echo.attach(mark.value(), ref.value()); !attached)
        qCWarning(lcBitrix) << "the echo mark" << mark.value()
                            << "keeps no reference:" << attached.error().toString();
    qCInfo(lcBitrix) << source << ": order" << orderId << "status set to" << statusId << "(" << ref.value()
                     << ")";
    return {};
}

Result<QString> SaleStatusWriter::writeInShop(qint64 orderId, const QString &statusId)
{
    auto statuses = m_reader.directory().statuses();
    if (!statuses)
        return statuses.error();
    const ShopStatus *target = nullptr;
    for (const ShopStatus &status : statuses.value()) {
        if (status.id == statusId)
            target = &status;
    }
    if (!target)
        return Error::permanent(QStringLiteral("The shop has no order status %1").arg(statusId),
                                QStringLiteral("status-unknown"));

    if (auto begun = m_db.begin(); !begun)
        return begun.error();
    auto fail = [this](const Error &error) -> Result<QString> {
        m_db.rollback();
        return error;
    };
    const QString lock = m_db.isSqlite() ? QString() : QStringLiteral(" FOR UPDATE");
    auto current = m_db.scalar(
        QStringLiteral("SELECT STATUS_ID FROM %1 WHERE ID = ?%2").arg(m_db.table("sale_order"), lock),
        { orderId });
    if (!current)
        return fail(current.error());
    if (!current->isValid())
        return fail(Error::notFound(QStringLiteral("The shop has no order %1").arg(orderId)));
    const QString currentId = current->toString().trimmed();
    ShopStatus from;
    from.id = currentId;
    from.name = currentId;
    for (const ShopStatus &status : statuses.value()) {
        if (status.id == currentId)
            from = status;
    }
    if (auto allowed = checkTransition(from, *target); !allowed)
        return fail(allowed.error());

    // The database's own clock, as the site's own writes use (this machine's clock may be off, and a
    // DATE_STATUS behind the reader's mark would never be read back).
    auto serverNow = m_db.scalar(m_db.isSqlite() ? QStringLiteral("SELECT datetime('now', 'localtime')")
                                                 : QStringLiteral("SELECT NOW()"));
    if (!serverNow)
        return fail(serverNow.error());
    // Never behind what the reader has seen already: a site whose database clock lags its web server's
    // would otherwise hide a later manager's change behind ours.
    auto newest
        = m_db.scalar(QStringLiteral("SELECT MAX(DATE_STATUS) FROM %1").arg(m_db.table("sale_order")));
    if (!newest)
        return fail(newest.error());
    const QString now = std::max(SaleOrderReader::rawDateTime(serverNow.value()),
                                 SaleOrderReader::rawDateTime(newest.value()));
    auto updated = m_db.exec(QStringLiteral("UPDATE %1 SET STATUS_ID = ?, DATE_STATUS = ?, DATE_UPDATE = ?"
                                            " WHERE ID = ? AND STATUS_ID = ?")
                                 .arg(m_db.table("sale_order")),
                             { statusId, now, now, orderId, currentId });
    if (!updated)
        return fail(updated.error());
    if (updated->numRowsAffected() != 1)
        return fail(Error::transient(
            QStringLiteral("The order %1 changed while its status was being set").arg(orderId)));
    updated = Result<QSqlQuery>(QSqlQuery());
    QString reference = statusId + QLatin1Char('@') + now;
    if (m_reader.schema().hasOrderChange) {
        auto logged
            = m_db.exec(QStringLiteral("INSERT INTO %1 (ORDER_ID, TYPE, DATA, DATE_CREATE, DATE_MODIFY,"
                                       " USER_ID, ENTITY, ENTITY_ID)"
                                       " VALUES (?, 'ORDER_STATUS_CHANGED', ?, ?, ?, ?, 'ORDER', ?)")
                            .arg(m_db.table("sale_order_change")),
                        { orderId, historyData(statusId, currentId), now, now, m_historyUserId, orderId });
        if (!logged)
            return fail(logged.error());
        // The reader takes status changes from these rows: the row is what comes back.
        reference = SaleHistoryReader::revisionOf(ShopDb::insertId(logged.value()));
        logged = Result<QSqlQuery>(QSqlQuery());
    }
    if (auto committed = m_db.commit(); !committed)
        return fail(committed.error());
    return reference;
}

} // namespace Source::Bitrix
