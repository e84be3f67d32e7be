// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SaleOrderReader.h"
#include "store/EchoGuardRepo.h"

namespace Source::Bitrix {

/**
 * Changes an order's status the way Bitrix records it: `b_sale_order.STATUS_ID`, `DATE_STATUS` (and
 * `DATE_UPDATE`), and a history row in `b_sale_order_change` (TYPE 'ORDER_STATUS_CHANGED', ENTITY
 * 'ORDER', DATA the PHP-serialized old and new status ids, as the order history shows it), in one
 * shop transaction with the order row locked. The write is marked in the echo guard before it happens
 * and the mark gets the revision SaleEventReader gives the change when it reads it back: "change:<ID>"
 * of the history row (or "<STATUS_ID>@<DATE_STATUS>" on an install without the history table). Bitrix's own
 * event handlers (OnSaleStatusOrder, e-mails) do not run: the README says so. Used by BitrixSource on its
 * thread.
 */
class SaleStatusWriter
{
public:
    explicit SaleStatusWriter(SaleOrderReader &reader, qint64 historyUserId = 0);

    Common::Status write(const QString &source, Store::EchoGuardRepo &echo, const QString &orderId,
                         const QString &statusId);

    /** The history row's DATA: a:2:{s:9:"STATUS_ID";s:1:"P";s:13:"OLD_STATUS_ID";s:1:"N";} */
    static QString historyData(const QString &statusId, const QString &oldStatusId);

private:
    /** Returns the echo reference: "change:<history row ID>", or "<STATUS_ID>@<DATE_STATUS>". */
    Common::Result<QString> writeInShop(qint64 orderId, const QString &statusId);

    SaleOrderReader &m_reader;
    ShopDb &m_db;
    qint64 m_historyUserId;
};

} // namespace Source::Bitrix
