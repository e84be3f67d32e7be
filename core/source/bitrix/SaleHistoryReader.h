// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SaleOrderReader.h"

#include <optional>

namespace Source::Bitrix {

/**
 * Reads the order history `b_sale_order_change`, where Bitrix records each status change as its own
 * row (TYPE 'ORDER_STATUS_CHANGED', DATA the PHP-serialized STATUS_ID and OLD_STATUS_ID). Unlike the
 * order's DATE_STATUS (whole seconds, only the last status), the rows' auto-increment ID orders every
 * change: two changes within one second are two rows. Lives on its source's thread.
 */
class SaleHistoryReader
{
public:
    /** One history row. Only a status change of an order of the source's site has `statusChange`; one
     *  whose DATA cannot be read carries the order's status as it is now. */
    struct Entry
    {
        qint64 id = 0;
        qint64 orderId = 0;
        bool statusChange = false;
        QString statusId;
        QString oldStatusId;
        QString at; ///< DATE_CREATE as the shop wrote it
    };

    explicit SaleHistoryReader(SaleOrderReader &reader);

    /** Rows with ID > @p after (ascending, at most @p limit) plus those of @p tracked that exist now. */
    Common::Result<QList<Entry>> after(qint64 after, int limit, const QList<qint64> &tracked);
    Common::Result<qint64> maxId();

    /** STATUS_ID and OLD_STATUS_ID of a status change's DATA; nullopt when it is not one. */
    static std::optional<std::pair<QString, QString>> statusesOf(const QString &data);
    /** The revision of a status change read from the history, and the echo reference of one written. */
    static QString revisionOf(qint64 changeId) { return QStringLiteral("change:%1").arg(changeId); }

private:
    SaleOrderReader &m_reader;
};

} // namespace Source::Bitrix
