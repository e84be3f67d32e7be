// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusWriter.h"

#include "MiniShop2Log.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Source::MiniShop2 {

using Common::Error;
using Common::Result;

StatusWriter::StatusWriter(ShopDb &db, OrderReader &reader, const Common::Clock *clock)
    : m_db(db)
    , m_reader(reader)
    , m_clock(clock)
{ }

Common::Status StatusWriter::write(const QString &source, Store::EchoGuardRepo &echo, const QString &orderId,
                                   const QString &statusId)
{
    bool isNumber = false;
    const qint64 id = orderId.toLongLong(&isNumber);
    if (!isNumber || id <= 0)
        return Error::invalidInput(QStringLiteral("\"%1\" is not a miniShop2 order id").arg(orderId));
    // Marked before the shop write, so a crash right after it still does not echo.
    auto mark = echo.expect(source, orderId, statusId);
    if (!mark)
        return mark.error();
    auto logId = writeInShop(id, statusId);
    if (!logId) {
        if (auto discarded = echo.discard(mark.value()); !discarded)
            qCWarning(lcMiniShop2) << "cannot drop the echo mark" << mark.value()
                                   << discarded.error().toString();
        return logId.error();
    }
    if (auto attached = echo.attach(mark.value(), QString::number(logId.value())); !attached)
        qCWarning(lcMiniShop2) << "the echo mark" << mark.value()
                               << "keeps no log id:" << attached.error().toString();
    qCInfo(lcMiniShop2) << source << ": order" << orderId << "status set to" << statusId << "(log row"
                        << logId.value() << ")";
    return {};
}

Result<qint64> StatusWriter::writeInShop(qint64 orderId, const QString &statusId)
{
    auto statuses = m_reader.statuses();
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
    auto fail = [this](const Error &error) -> Result<qint64> {
        m_db.rollback();
        return error;
    };
    const QString lock = m_db.isSqlite() ? QString() : QStringLiteral(" FOR UPDATE");
    auto current = m_db.scalar(
        QStringLiteral("SELECT status FROM %1 WHERE id = ?%2").arg(m_db.table("ms2_orders"), lock),
        { orderId });
    if (!current)
        return fail(current.error());
    if (!current->isValid())
        return fail(Error::notFound(QStringLiteral("The shop has no order %1").arg(orderId)));
    const QString currentId = current->toString();
    ShopStatus from;
    from.id = currentId;
    from.name = currentId;
    for (const ShopStatus &status : statuses.value()) {
        if (status.id == currentId)
            from = status;
    }
    if (auto allowed = checkTransition(from, *target); !allowed)
        return fail(allowed.error());

    auto updated = m_db.exec(
        QStringLiteral("UPDATE %1 SET status = ? WHERE id = ? AND status = ?").arg(m_db.table("ms2_orders")),
        { statusId.toLongLong(), orderId, currentId.toLongLong() });
    if (!updated)
        return fail(updated.error());
    if (updated->numRowsAffected() != 1)
        return fail(Error::transient(
            QStringLiteral("The order %1 changed while its status was being set").arg(orderId)));
    const QByteArray ip
        = QJsonDocument(QJsonObject { { QStringLiteral("ip"), QStringLiteral("127.0.0.1") },
                                      { QStringLiteral("via"), QStringLiteral("crmbridge") } })
              .toJson(QJsonDocument::Compact);
    auto logged
        = m_db.exec(QStringLiteral("INSERT INTO %1 (user_id, order_id, `timestamp`, action, entry, ip)"
                                   " VALUES (0, ?, ?, 'status', ?, ?)")
                        .arg(m_db.table("ms2_order_logs")),
                    { orderId, OrderReader::fromDateTime(m_clock->now()), statusId, QString::fromUtf8(ip) });
    if (!logged)
        return fail(logged.error());
    const qint64 logId = ShopDb::insertId(logged.value());
    logged = QSqlQuery();
    if (auto committed = m_db.commit(); !committed)
        return fail(committed.error());
    return logId;
}

} // namespace Source::MiniShop2
