// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Problem.h"
#include "common/Result.h"
#include "crm/CrmSchema.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Mapping {

/** One shop status ↔ one CRM stage, and which way changes travel. */
struct StatusRow
{
    enum class Direction {
        ToCrm, ///< shop → CRM only
        FromCrm, ///< CRM → shop only
        Both, ///< both ways
        DontSend ///< a shop change to this status is not sent, and nothing comes back
    };
    QString id;
    QString shopStatusId;
    QString shopStatusName; ///< for people; the shop is addressed by id
    QString pipelineId;
    QString stageId;
    Direction direction = Direction::Both;

    bool sendsToCrm() const { return direction == Direction::ToCrm || direction == Direction::Both; }
    bool comesFromCrm() const { return direction == Direction::FromCrm || direction == Direction::Both; }
    static QString directionName(Direction direction); ///< "to-crm", "from-crm", "both", "dont-send"
    QJsonObject toJson() const;
    static Common::Result<StatusRow> fromJson(const QJsonObject &json);
    bool operator==(const StatusRow &) const = default;
};

/** What to do with a shop status change. */
struct StageDecision
{
    enum class Action { SetStage, LeaveStage, DontSend };
    Action action = Action::LeaveStage;
    QString pipelineId;
    QString stageId;
    QString rowId; ///< the row that decided; empty for the unmapped rule
    QString explanation; ///< translated
};

/** What to do with a CRM stage change. */
struct ShopStatusDecision
{
    enum class Action { SetStatus, Ignore };
    Action action = Action::Ignore;
    QString shopStatusId;
    QString rowId;
    QString explanation;
};

/**
 * Shop statuses ↔ CRM (pipeline, stage), with explicit rules for statuses nobody mapped. A shop
 * status sends to at most one stage per pipeline; a stage that comes back maps to one shop status:
 * validate() says where that is broken. amoCRM's won/lost stages (142/143) exist in every pipeline,
 * so a row for them matches a deal in any pipeline. Value type, pure lookups, any thread.
 */
struct StatusMap
{
    enum class UnmappedToCrm { LeaveStage, DefaultStage };
    enum class UnmappedFromCrm { Ignore, DefaultStatus };

    QList<StatusRow> rows;
    UnmappedToCrm unmappedToCrm = UnmappedToCrm::LeaveStage;
    QString defaultPipelineId; ///< UnmappedToCrm::DefaultStage
    QString defaultStageId;
    UnmappedFromCrm unmappedFromCrm = UnmappedFromCrm::Ignore;
    QString defaultShopStatusId; ///< UnmappedFromCrm::DefaultStatus
    /** Stage ids that mean the same thing in every pipeline (amoCRM: "142", "143"). */
    QStringList pipelineIndependentStages { QStringLiteral("142"), QStringLiteral("143") };

    /** The stage for a shop status; currentPipelineId prefers that pipeline's row (empty: the first row). */
    StageDecision stageForShopStatus(const QString &shopStatusId,
                                     const QString &currentPipelineId = {}) const;
    ShopStatusDecision shopStatusForStage(const QString &pipelineId, const QString &stageId) const;
    /** Whether a row for shopStatusId exists for this pipeline (or a pipeline-independent stage). */
    const StatusRow *rowFor(const QString &shopStatusId, const QString &pipelineId) const;

    /** Structural problems: conflicts, missing ids, an unmapped rule without its default. With a
     *  schema the messages name stages and pipelines as the CRM shows them. */
    QList<Problem> validate(const Crm::CrmSchema *schema = nullptr) const;
    /** "«Подтверждён» in «Заказы с сайта»" (the ids when the schema does not know them). */
    static QString stageLabel(const QString &pipelineId, const QString &stageId,
                              const Crm::CrmSchema *schema);

    QJsonObject toJson() const;
    static Common::Result<StatusMap> fromJson(const QJsonObject &json);
    bool operator==(const StatusMap &) const = default;
};

} // namespace Mapping
