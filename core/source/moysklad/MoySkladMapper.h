// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Customer.h"
#include "model/ShopOrder.h"

#include <QDateTime>
#include <QJsonObject>

namespace Source::MoySklad {

/**
 * Turns MoySklad objects into the product's model: a counterparty into a Customer (its bonus card,
 * points and sales total in `extra`), a retail sale or customer order — read with
 * `expand=agent,positions.assortment` — into a ShopOrder with money in roubles (MoySklad keeps
 * kopecks) and times in UTC (MoySklad shows Moscow time). Pure functions.
 */
namespace MoySkladMapper {

/** "2026-12-07 15:00:00.123" (Moscow, UTC+3) → UTC; invalid for anything else. */
QDateTime fromMoscowTime(const QString &text);
/** Whether the counterparty (full object or expanded link) is a private person. */
bool isPrivatePerson(const QJsonObject &counterparty);
Model::Customer customerOf(const QJsonObject &counterparty);
/** A retail sale or customer order; @p kind ("retaildemand", "customerorder") goes into properties. */
Model::ShopOrder orderOf(const QJsonObject &document, const QString &kind);

} // namespace MoySkladMapper

} // namespace Source::MoySklad
