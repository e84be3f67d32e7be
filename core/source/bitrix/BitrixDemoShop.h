// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "source/ShopDb.h"

#include <QDateTime>

namespace Source::Bitrix {

/**
 * Builds a realistic 1C-Bitrix online store in an empty database (MariaDB/MySQL in utf8mb4 or cp1251,
 * or SQLite): the tables (BitrixDemoSchema), two person types — a private person and a legal entity,
 * whose order properties have different codes (the reader must find them by their flags) —, order
 * statuses with Russian and English names, delivery services, payment systems, an iblock catalogue
 * tree with products, and orders with Cyrillic names, phones typed as "+7 …" and "8 …", repeat
 * customers, companies with their INN, UTM_* properties on some orders, baskets with size and colour,
 * payments (some paid), shipments, status history rows, and web form results ("Обратный звонок").
 * The same seed and end date give the same shop. Any thread (the calling thread's shop connection).
 */
class BitrixDemoShop
{
public:
    struct Options
    {
        int orders = 300;
        quint32 seed = 20231101;
        QDateTime end; ///< the newest order's date; default: ten minutes ago (nothing in the future)
        int days = 180;
        QString charset = QStringLiteral("utf8mb4"); ///< MySQL: utf8mb4 or cp1251
        int otherSiteOrders = 0; ///< orders of a second site (LID "s2") among them
        int forms = 12; ///< web form results
    };
    struct Stats
    {
        int orders = 0;
        int legalOrders = 0;
        int utmOrders = 0;
        int products = 0;
        int categories = 0;
        int forms = 0;
        int statusChanges = 0;
    };

    static Common::Result<Stats> generate(ShopDb &db, const Options &options);

    /** Places @p count new orders now on site @p site in a shop made by generate(), as its buyers would:
     *  status N, unpaid, some legal entities, some with UTM marks. One transaction. */
    static Common::Result<Stats> addOrders(ShopDb &db, int count, quint32 seed = 1,
                                           const QString &site = QStringLiteral("s1"));
    /** One legal buyer of @p company (its INN @p inn, one contact person) places @p count orders now on
     *  site s1. One transaction. */
    static Common::Result<Stats> addCompanyOrders(ShopDb &db, int count, const QString &company,
                                                  const QString &inn, quint32 seed = 1);
    /** A manager's save in the admin: a new comment and DATE_UPDATE now (the status stays). */
    static Common::Status editOrder(ShopDb &db, qint64 orderId, const QString &comment);
    /** A manager sets an order's status in the admin at @p when (default now), as Bitrix records it:
     *  STATUS_ID, DATE_STATUS, DATE_UPDATE and the history row. One transaction. */
    static Common::Status setStatus(ShopDb &db, qint64 orderId, const QString &status,
                                    const QDateTime &when = {});
    /** A visitor sends the "callback" form now; returns the result id. */
    static Common::Result<qint64> addFormResult(ShopDb &db, const QString &name, const QString &phone,
                                                const QString &comment, const QString &utmSource = {});
};

} // namespace Source::Bitrix
