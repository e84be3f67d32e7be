// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoCall.h"

namespace Sandbox::AmoCrm {

class AmoContext;
class ValidationErrors;

/**
 * Custom field definitions (`/api/v4/{entity}/custom_fields`) and the validation and normalisation of
 * `custom_fields_values` on writes: unknown field ids/codes and enums answer NotSupportedChoice,
 * multitext PHONE/EMAIL values carry an enum code. Routes run on the server thread.
 */
class AmoCustomFields
{
public:
    AmoCustomFields(AmoContext &context, AmoRouter &router);

    /**
     * Validates @p input (the custom_fields_values of one write item) and merges it into @p entity:
     * fields listed replace their values, `"values": null` clears a field, others stay.
     */
    static void apply(AmoAccount &account, const QString &entityKey, QJsonObject &entity,
                      const QJsonValue &input, const QString &requestId, const QString &pathPrefix,
                      ValidationErrors &errors);

    /** Completes a field definition (ids for the field and its enums, defaults) and stores it. */
    static QJsonObject create(AmoAccount &account, const QString &entityKey, const QJsonObject &spec,
                              qint64 sort);
    static QStringList knownTypes();
    static QStringList multitextCodes(const QString &fieldCode);

private:
    HttpResponse list(AmoCall &call, const QString &entityKey, const QString &path);
    HttpResponse get(AmoCall &call, const QString &entityKey, qint64 id, const QString &path);
    HttpResponse post(AmoCall &call, const QString &entityKey, const QString &path);
    HttpResponse patchOne(AmoCall &call, const QString &entityKey, qint64 id, const QString &path);
    HttpResponse remove(AmoCall &call, const QString &entityKey, qint64 id);

    AmoContext &m_context;
};

} // namespace Sandbox::AmoCrm
