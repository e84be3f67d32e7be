// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace Sandbox::RetailCrm {

class RetailStore;

/** Seed profiles ("empty", "demo") and the control API's additive seeding. Server thread. */
namespace RetailSeed {

/** Fills a freshly reset store with @p profile. */
void apply(RetailStore &store, const QString &profile);

/**
 * Adds what @p body lists: {"sites":[..], "statuses":[..], "delivery_types":[..], "payment_types":[..],
 * "offers":[..], "api_keys":[{"key","sites"}], "users":[{firstName,lastName,email,active?,isManager?}],
 * "custom_fields":[{entity,code,name,type}]} — dictionary entries as the API shows them.
 */
QJsonObject add(RetailStore &store, const QJsonObject &body);

} // namespace RetailSeed

} // namespace Sandbox::RetailCrm
