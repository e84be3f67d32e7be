// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SaleOrderReader.h"
#include "model/FormSubmission.h"
#include "model/ShopEvent.h"

namespace Source::Bitrix {

/**
 * Reads the results of the Bitrix `form` module (`b_form_result` with its answers in
 * `b_form_result_answer`, the form's name from `b_form`, the question from `b_form_field`) as form
 * submissions: each question is a field named by its symbolic id (SID), or by its title when the SID is
 * one Bitrix made up ("SIMPLE_QUESTION_…"); the typed text, else the chosen answer's text; several
 * answers of one question joined with ", ". Fields named utm_* are the submission's UTM marks. Lives on
 * its source's thread.
 */
class FormReader
{
public:
    explicit FormReader(SaleOrderReader &reader)
        : m_db(reader.db())
        , m_schema(reader.schema())
    { }

    Common::Result<qint64> maxId();
    /** Result ids > after (ascending, at most limit) plus the tracked ids that exist. */
    Common::Result<QList<qint64>> idsAfter(qint64 after, int limit, const QList<qint64> &tracked);
    Common::Result<QList<Model::FormSubmission>> submissions(const QList<qint64> &ids);

    static Model::ShopEvent formEvent(const QString &source, const Model::FormSubmission &form);

private:
    ShopDb &m_db;
    const SaleSchema &m_schema;
};

} // namespace Source::Bitrix
