// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QStringList>

namespace Sandbox::RetailCrm {

class RetailStore;

/**
 * Custom fields of orders and customers: their definitions (`custom-fields/{entity}/create`, the
 * control API, the seeds) and how an entity's `customFields` values are checked against them — values
 * for codes the entity has no field for are dropped, typed values (integer, numeric, boolean, date,
 * email) are checked and normalised, errors are keyed `customFields.<code>`. Pure functions over the
 * store; server thread.
 */
namespace RetailCustomFields {

/** "order", "customer" */
QStringList entities();
/** string, text, integer, numeric, boolean, date, email, dictionary, multiselect_dictionary */
QStringList types();

/**
 * A new field of @p entity from @p input (name, code, type, required, inFilter, inList, inGroupActions,
 * default, ordering, displayArea, viewMode): on success stored and answered; otherwise an empty object
 * and @p errors keyed by field (name, code, type).
 */
QJsonObject create(RetailStore &store, const QString &entity, const QJsonObject &input, QJsonObject *errors);

/** Changes what may change of an existing field (everything but code, type and entity). */
QJsonObject edit(RetailStore &store, const QString &entity, const QString &code, const QJsonObject &input);

/**
 * Merges @p given (code → value) into @p values for @p entity: unknown codes are left out, null clears
 * a value, typed values are normalised. False with @p errors (`customFields.<code>`) when one is bad;
 * @p values is then unchanged.
 */
bool merge(const RetailStore &store, const QString &entity, QJsonObject &values, const QJsonObject &given,
           QJsonObject *errors);

} // namespace RetailCustomFields

} // namespace Sandbox::RetailCrm
