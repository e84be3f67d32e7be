// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

namespace Sandbox::RetailCrm {

/**
 * How a stored order or customer is shown in each answer, where RetailCRM shows the same entity in
 * different shapes (compared with the recordings in retailcrm/api-client-php, tests/src/ResourceGroup):
 * - `payments` is a map keyed by payment id in `GET orders`, `GET orders/{id}` and the `orders/{id}/edit`
 *   answer (`{}` when there is none: OrdersTest::testList, testGet, testEdit), but a list in the answers
 *   of `orders/create`, `orders/upload` and in the order of a `created` history entry (testCreate,
 *   testUpload, testHistory), where an order without payments has no `payments` key (testHistory).
 * - an empty `customFields` is `[]` (PHP's empty array) on orders and customers everywhere, a non-empty one
 *   an object keyed by field code.
 * The store keeps orders with payments as a map and customFields as an object. Pure functions, any thread.
 */
namespace RetailShapes {

/** The order as `GET orders/{id}`, `GET orders` and `orders/{id}/edit` show it. */
QJsonObject orderWithPaymentMap(const QJsonObject &stored);
/** The order as `orders/create`, `orders/upload` and a `created` history entry show it. */
QJsonObject orderWithPaymentList(const QJsonObject &stored);
/** A customer as every answer shows it. */
QJsonObject customer(const QJsonObject &stored);

} // namespace RetailShapes

} // namespace Sandbox::RetailCrm
