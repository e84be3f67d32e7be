// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace Sandbox::RetailCrm {

class RetailStore;

/**
 * How an order body becomes a stored order: validation against the dictionaries (errors keyed by
 * field path, as RetailCRM does), customer linking, items with offers from the catalogue, delivery,
 * payments (a list on input, a map keyed by payment id on output), custom fields and totals; and the
 * history entries an edit produces. Pure functions over the store; server thread.
 */
namespace RetailOrderModel {

/** Validates and applies @p input onto @p order (empty when creating). False with errors on failure. */
bool apply(RetailStore &store, QJsonObject &order, const QJsonObject &input, const QString &site,
           QJsonObject *errors, QString *message);

/** Creates an order from @p input on @p site and writes its `created` history entry. */
QJsonObject create(RetailStore &store, const QJsonObject &input, const QString &site, const QString &apiKey,
                   QJsonObject *errors, QString *message);

/** Writes history entries for what differs between @p before and @p after. */
void recordChanges(RetailStore &store, const QJsonObject &before, const QJsonObject &after,
                   const QString &apiKey);

} // namespace RetailOrderModel

} // namespace Sandbox::RetailCrm
